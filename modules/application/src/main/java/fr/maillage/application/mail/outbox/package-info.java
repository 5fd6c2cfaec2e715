/** Operations on the outbox of a network: its state, retrying the mails that failed. */
@NullMarked
package fr.maillage.application.mail.outbox;

import org.jspecify.annotations.NullMarked;
