@NullMarked
package archfixtures.clean.application.venue.port.out;

import org.jspecify.annotations.NullMarked;
