DROP TABLE policy_version;
DROP TABLE holiday;
DROP TABLE holiday_calendar;
