/** The network registry API: /api/networks. */
@NullMarked
package fr.maillage.adapter.rest.network;

import org.jspecify.annotations.NullMarked;
