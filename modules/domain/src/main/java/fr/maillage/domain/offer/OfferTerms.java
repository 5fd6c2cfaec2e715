package fr.maillage.domain.offer;

import fr.maillage.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Period;

/** What an offer gives: a subscription, a card of entries, or a day pass. */
public sealed interface OfferTerms {

    enum Billing { MONTHLY, YEARLY }

    /** Unlimited access for a period, renewed each period. */
    record Subscription(Billing billing) implements OfferTerms {
    }

    /**
     * A card of {@code entries} entries, each covering {@code entryDuration} of presence (a visit consumes one entry
     * per started block), valid for {@code validity} from purchase. La Serre: 10 entries of 3 hours.
     */
    record Card(int entries, Duration entryDuration, Period validity) implements OfferTerms {

        public Card {
            if (entries < 1 || entries > 500) {
                throw new InvalidValueException("offer.card.entries.range", 1, 500);
            }
            if (entryDuration.compareTo(Duration.ofMinutes(15)) < 0 || entryDuration.compareTo(Duration.ofHours(24)) > 0
                    || entryDuration.toMinutes() % 15 != 0) {
                throw new InvalidValueException("offer.card.entry-duration.range");
            }
            if (validity.isNegative() || validity.isZero() || validity.toTotalMonths() > 36
                    || (validity.toTotalMonths() == 36 && validity.getDays() > 0)) {
                throw new InvalidValueException("offer.card.validity.range");
            }
        }
    }

    /** Access for one day. */
    record DayPass() implements OfferTerms {
    }
}
