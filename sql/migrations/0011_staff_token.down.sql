DROP TABLE staff_token;
