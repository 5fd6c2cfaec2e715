/** What every use case shares: the caller, paging, input validation, application errors. */
@NullMarked
package fr.maillage.application.shared;

import org.jspecify.annotations.NullMarked;
