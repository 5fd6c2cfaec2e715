package fr.maillage.application.setup.port.in;

import fr.maillage.application.shared.Fields;
import fr.maillage.domain.money.VatRate;
import fr.maillage.domain.operator.InvoicePrefix;
import fr.maillage.domain.operator.Siren;
import fr.maillage.domain.operator.VatRegime;
import fr.maillage.domain.shared.BoundedText;
import fr.maillage.domain.shared.InvalidValueException;
import fr.maillage.domain.shared.PostalAddress;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** An operator's details, to create it or replace them. */
public record OperatorCommand(String legalName, Siren siren, PostalAddress address, VatRegime vatRegime,
        InvoicePrefix invoicePrefix) {

    public record AddressInput(@Nullable String line1, @Nullable String line2, @Nullable String postalCode,
            @Nullable String town) {
    }

    /** {@code {"type": "LIABLE", "rates": ["20", "5.5"]}}, {@code {"type": "FRANCHISE"}}, or
     * {@code {"type": "EXEMPT", "legalBasis": "Exonération de TVA, art. 261, 7-1° du CGI"}}. */
    public record VatInput(@Nullable String type, @Nullable List<String> rates, @Nullable String legalBasis) {
    }

    /** An operator as the caller sent it, read by {@link #parse(Raw)}. */
    public record Raw(@Nullable String legalName, @Nullable String siren, @Nullable AddressInput address,
            @Nullable VatInput vatRegime, @Nullable String invoicePrefix) {
    }

    public static OperatorCommand parse(Raw raw) {
        return parse(raw.legalName(), raw.siren(), raw.address(), raw.vatRegime(), raw.invoicePrefix());
    }

    public static OperatorCommand parse(@Nullable String legalName, @Nullable String siren,
            @Nullable AddressInput address, @Nullable VatInput vat, @Nullable String invoicePrefix) {
        Fields fields = new Fields();
        String name = fields.required("legalName", legalName, n -> BoundedText.line(n, 2, 200, "operator.name.length"));
        Siren s = fields.required("siren", siren, Siren::of);
        PostalAddress a = address(fields, "address", address);
        VatRegime regime = regime(fields, vat);
        InvoicePrefix prefix = fields.required("invoicePrefix", invoicePrefix, InvoicePrefix::of);
        fields.throwIfInvalid();
        return new OperatorCommand(Objects.requireNonNull(name), Objects.requireNonNull(s), Objects.requireNonNull(a),
                Objects.requireNonNull(regime), Objects.requireNonNull(prefix));
    }

    /**
     * A postal address, each part checked on its own so that its problem is reported under its name
     * ({@code address.postalCode}, ...); {@code null} when any part is missing or wrong.
     */
    public static @Nullable PostalAddress address(Fields fields, String field, @Nullable AddressInput address) {
        if (address == null) {
            fields.reject(field, "field.required");
            return null;
        }
        String line1 = fields.required(field + ".line1", address.line1(),
                l -> new PostalAddress(l, null, VALID_POSTAL_CODE, VALID_LINE).line1());
        boolean line2 = address.line2() == null || fields.optional(field + ".line2", address.line2(),
                l -> new PostalAddress(VALID_LINE, l, VALID_POSTAL_CODE, VALID_LINE)) != null;
        String postalCode = fields.required(field + ".postalCode", address.postalCode(),
                c -> new PostalAddress(VALID_LINE, null, c, VALID_LINE).postalCode());
        String town = fields.required(field + ".town", address.town(),
                t -> new PostalAddress(VALID_LINE, null, VALID_POSTAL_CODE, t).town());
        if (line1 == null || !line2 || postalCode == null || town == null) {
            return null;
        }
        return new PostalAddress(line1, address.line2(), postalCode, town);
    }

    private static final String VALID_LINE = "x";
    private static final String VALID_POSTAL_CODE = "00000";

    /** The VAT regime, its problems reported under {@code vatRegime.type}, {@code .rates[i]} and {@code .legalBasis}. */
    private static @Nullable VatRegime regime(Fields fields, @Nullable VatInput vat) {
        if (vat == null) {
            fields.reject("vatRegime", "field.required");
            return null;
        }
        String type = fields.required("vatRegime.type", vat.type(), t -> {
            String known = t.strip().toUpperCase(Locale.ROOT);
            if (!List.of("LIABLE", "FRANCHISE", "EXEMPT").contains(known)) {
                throw new InvalidValueException("operator.vat.type.unknown", t);
            }
            return known;
        });
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "LIABLE" -> {
                List<VatRate> rates = fields.eachOf("vatRegime.rates", vat.rates() == null ? List.of() : vat.rates(),
                        VatRate::percent);
                yield rates == null ? null : fields.optional("vatRegime.rates", rates, VatRegime.Liable::new);
            }
            case "FRANCHISE" -> new VatRegime.Franchise();
            default -> fields.optional("vatRegime.legalBasis", vat.legalBasis() == null ? "" : vat.legalBasis(),
                    VatRegime.Exempt::new);
        };
    }
}
