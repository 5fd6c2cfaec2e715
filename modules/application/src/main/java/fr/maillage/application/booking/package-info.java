/** Bookings of resources, a member's bookings and their private calendar feed. */
@NullMarked
package fr.maillage.application.booking;

import org.jspecify.annotations.NullMarked;
