/** The outbox of a network, for operations (animators, platform admins). */
@NullMarked
package fr.maillage.adapter.rest.mail;

import org.jspecify.annotations.NullMarked;
