/** Storage of the audit log. */
@NullMarked
package fr.maillage.adapter.persistence.audit;

import org.jspecify.annotations.NullMarked;
