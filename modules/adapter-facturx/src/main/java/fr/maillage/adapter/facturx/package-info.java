/** Invoice documents as Factur-X (EN 16931) PDF/A-3, rendered with Mustang. */
@NullMarked
package fr.maillage.adapter.facturx;

import org.jspecify.annotations.NullMarked;
