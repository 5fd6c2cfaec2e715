/** Money in integer cents with a currency, and VAT rates. */
@NullMarked
package fr.maillage.domain.money;

import org.jspecify.annotations.NullMarked;
