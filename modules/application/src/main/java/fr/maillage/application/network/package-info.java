/** Use cases of the network registry (networks are the tenants). */
@NullMarked
package fr.maillage.application.network;

import org.jspecify.annotations.NullMarked;
