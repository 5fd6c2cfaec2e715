/** People in a network: invitations, joining, roles. */
@NullMarked
package fr.maillage.application.people;

import org.jspecify.annotations.NullMarked;
