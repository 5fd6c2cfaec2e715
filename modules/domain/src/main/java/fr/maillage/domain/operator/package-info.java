/** Operators: the legal entities that run places and sell, with their VAT regime and invoice series. */
@NullMarked
package fr.maillage.domain.operator;

import org.jspecify.annotations.NullMarked;
