DROP TABLE public_form_submission;
