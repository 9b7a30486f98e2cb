-- redress_staff is left in place: other databases of the cluster may use it.
DROP FUNCTION staff_for_session();
DROP TABLE staff;
