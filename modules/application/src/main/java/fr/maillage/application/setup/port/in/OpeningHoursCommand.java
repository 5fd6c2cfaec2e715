package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.hours.HoursException;
import fr.maillage.domain.hours.OpeningHours;
import fr.maillage.domain.hours.WeeklySchedule;
import fr.maillage.domain.shared.InvalidValueException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Opening hours as callers write them (and as they are stored):
 * {@code {"weekly": {"MONDAY": ["09:00-17:00"]}, "exceptions": [{"type": "CLOSED", "from": "2026-12-24",
 * "to": "2027-01-02", "label": "Vacances"}, {"type": "SPECIAL", "date": "2026-12-05", "hours": ["10:00-12:00"],
 * "label": "Portes ouvertes"}], "closedOnPublicHolidays": true}}. The time zone is the network's.
 */
public record OpeningHoursCommand(@Nullable Map<String, @Nullable List<String>> weekly,
        @Nullable List<@Nullable ExceptionInput> exceptions, @Nullable Boolean closedOnPublicHolidays) {

    public record ExceptionInput(@Nullable String type, @Nullable String from, @Nullable String to,
            @Nullable String date, @Nullable List<String> hours, @Nullable String label) {
    }

    /**
     * Reads the hours in the network's zone; problems are reported under {@code field}: {@code hours.weekly.MONDAY}
     * (or {@code hours.weekly.MONDAY[1]} for a missing range), {@code hours.exceptions[0]} (or its {@code .type},
     * {@code .date}, {@code .from}), and {@code hours} for rules across them (overlapping closures).
     */
    public @Nullable OpeningHours parse(Fields fields, String field, ZoneId zone) {
        boolean ok = true;
        Map<String, List<String>> days = new LinkedHashMap<>();
        if (weekly != null) {
            for (Map.Entry<String, @Nullable List<String>> day : weekly.entrySet()) {
                String name = field + ".weekly." + day.getKey();
                List<String> ranges = fields.eachOf(name, day.getValue() == null ? List.of() : day.getValue(),
                        r -> r);
                if (ranges == null || fields.optional(name, Map.of(day.getKey(), ranges), WeeklySchedule::parse)
                        == null) {
                    ok = false;
                } else {
                    days.put(day.getKey(), ranges);
                }
            }
        }
        WeeklySchedule schedule = ok ? fields.optional(field + ".weekly", days, WeeklySchedule::parse) : null;
        List<HoursException> parsed = new ArrayList<>();
        List<@Nullable ExceptionInput> raw = exceptions == null ? List.of() : exceptions;
        for (int i = 0; i < raw.size(); i++) {
            HoursException exception = exception(fields, field + ".exceptions[" + i + "]", raw.get(i));
            if (exception == null) {
                ok = false;
            } else {
                parsed.add(exception);
            }
        }
        if (!ok || schedule == null) {
            return null;
        }
        return fields.optional(field, parsed, list -> new OpeningHours(zone, schedule, list,
                closedOnPublicHolidays == null || closedOnPublicHolidays));
    }

    private static @Nullable HoursException exception(Fields fields, String name, @Nullable ExceptionInput e) {
        if (e == null) {
            fields.reject(name, "field.required");
            return null;
        }
        String type = fields.required(name + ".type", e.type(), t -> {
            String known = t.strip().toUpperCase(Locale.ROOT);
            if (!known.equals("CLOSED") && !known.equals("SPECIAL")) {
                throw new InvalidValueException("hours.exception.type", t);
            }
            return known;
        });
        String label = e.label() == null ? "" : e.label();
        if ("SPECIAL".equals(type)) {
            List<String> ranges = fields.eachOf(name + ".hours", e.hours() == null ? List.of() : e.hours(), r -> r);
            if (fields.required(name + ".date", e.date(), d -> d) == null || ranges == null) {
                return null;
            }
            return fields.optional(name, e, x -> HoursException.Special.parse(x.date(), ranges, label));
        }
        if ("CLOSED".equals(type)) {
            String from = e.from() != null ? e.from() : e.date();
            if (fields.required(name + ".from", from, d -> d) == null) {
                return null;
            }
            String to = e.to() == null ? from : e.to();
            return fields.optional(name, e, x -> HoursException.Closed.parse(from, to, label));
        }
        return null;
    }

    /** The stored or displayed form of opening hours. */
    public static OpeningHoursCommand of(OpeningHours hours) {
        List<@Nullable ExceptionInput> exceptions = new ArrayList<>();
        for (HoursException e : hours.exceptions()) {
            exceptions.add(switch (e) {
                case HoursException.Closed c -> new ExceptionInput("CLOSED", c.firstDay().toString(),
                        c.lastDay().toString(), null, null, c.label());
                case HoursException.Special s -> new ExceptionInput("SPECIAL", null, null, s.date().toString(),
                        s.ranges().stream().map(r -> r.format()).toList(), s.label());
            });
        }
        Map<String, @Nullable List<String>> weekly = new LinkedHashMap<>(hours.weekly().format());
        return new OpeningHoursCommand(weekly, exceptions, hours.closedOnPublicHolidays());
    }
}
