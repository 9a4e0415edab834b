//! Year-end score, grades, vetoes, commendation (stub).
