/** Bookings of resources — ports to the outside. */
@NullMarked
package fr.maillage.application.booking.port.out;

import org.jspecify.annotations.NullMarked;
