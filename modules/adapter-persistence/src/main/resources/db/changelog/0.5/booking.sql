--liquibase formatted sql

-- (changesets of issue 5: booking)
