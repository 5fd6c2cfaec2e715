--liquibase formatted sql

--changeset maillage:0.6-member-language
--comment: The language a member is written to in (mails): French by default, or English.
ALTER TABLE member ADD COLUMN language varchar(2) NOT NULL DEFAULT 'fr';
ALTER TABLE member ADD CONSTRAINT member_language_known CHECK (language IN ('fr', 'en'));
--rollback ALTER TABLE member DROP COLUMN language;
