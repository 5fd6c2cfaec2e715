package fr.maillage.domain.place;

import fr.maillage.domain.shared.InvalidValueException;

/** A point in WGS84 degrees (latitude −90..90, longitude −180..180), stored to 6 decimals (about 10 cm). */
public record Coordinates(double latitude, double longitude) {

    public Coordinates {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new InvalidValueException("place.coordinates.range");
        }
        latitude = Math.round(latitude * 1e6) / 1e6;
        longitude = Math.round(longitude * 1e6) / 1e6;
    }
}
