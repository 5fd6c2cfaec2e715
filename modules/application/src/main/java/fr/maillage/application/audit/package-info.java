/** The audit log of administrative actions, per network. */
@NullMarked
package fr.maillage.application.audit;

import org.jspecify.annotations.NullMarked;
