/** The outbox relay: sends the mails of the outbox, network by network, safely from several app instances. */
@NullMarked
package fr.maillage.application.mail.relay;

import org.jspecify.annotations.NullMarked;
