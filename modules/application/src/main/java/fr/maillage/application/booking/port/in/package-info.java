/** Bookings of resources — use cases. */
@NullMarked
package fr.maillage.application.booking.port.in;

import org.jspecify.annotations.NullMarked;
