package archfixtures.broken.domain.member;

import archfixtures.broken.domain.venue.Venue;

/** Half of a package cycle with {@link Venue}. */
public class Member {

    Venue favouriteVenue;
}
