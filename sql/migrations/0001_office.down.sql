DROP TABLE office;
