/** The mail adapter: templates rendered in French or English, sent over SMTP. The only module that sends mail. */
@NullMarked
package fr.maillage.adapter.mail;

import org.jspecify.annotations.NullMarked;
