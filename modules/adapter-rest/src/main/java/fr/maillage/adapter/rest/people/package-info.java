/** People in a network: invitations, joining, roles; and the audit log. */
@NullMarked
package fr.maillage.adapter.rest.people;

import org.jspecify.annotations.NullMarked;
