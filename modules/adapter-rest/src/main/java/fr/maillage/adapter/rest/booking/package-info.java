/** Bookings of resources, a member's bookings and their private iCalendar feed. */
@NullMarked
package fr.maillage.adapter.rest.booking;

import org.jspecify.annotations.NullMarked;
