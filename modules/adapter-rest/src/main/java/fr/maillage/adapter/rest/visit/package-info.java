/** The check-in API: QR codes of places, check-ins and check-outs, presence, visits, attendance and settlements. */
@NullMarked
package fr.maillage.adapter.rest.visit;

import org.jspecify.annotations.NullMarked;
