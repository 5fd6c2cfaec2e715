/** Web configuration: languages, request limits, OpenAPI. */
@NullMarked
package fr.maillage.adapter.rest.config;

import org.jspecify.annotations.NullMarked;
