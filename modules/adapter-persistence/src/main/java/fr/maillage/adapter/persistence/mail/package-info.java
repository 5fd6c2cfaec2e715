/** The transactional outbox of mails ({@code outbox_mail}), by plain JDBC in the tenant transaction. */
@NullMarked
package fr.maillage.adapter.persistence.mail;

import org.jspecify.annotations.NullMarked;
