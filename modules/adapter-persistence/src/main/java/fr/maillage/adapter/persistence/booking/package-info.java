/** Storage of bookings (tstzrange and its exclusion constraint) and of members' calendar feeds. */
@NullMarked
package fr.maillage.adapter.persistence.booking;

import org.jspecify.annotations.NullMarked;
