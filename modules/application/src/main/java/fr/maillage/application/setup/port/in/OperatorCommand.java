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

    public static OperatorCommand parse(@Nullable String legalName, @Nullable String siren,
            @Nullable AddressInput address, @Nullable VatInput vat, @Nullable String invoicePrefix) {
        Fields fields = new Fields();
        String name = fields.required("legalName", legalName, n -> BoundedText.line(n, 2, 200, "operator.name.length"));
        Siren s = fields.required("siren", siren, Siren::of);
        PostalAddress a = address(fields, "address", address);
        VatRegime regime = fields.required("vatRegime", vat, OperatorCommand::regime);
        InvoicePrefix prefix = fields.required("invoicePrefix", invoicePrefix, InvoicePrefix::of);
        fields.throwIfInvalid();
        return new OperatorCommand(Objects.requireNonNull(name), Objects.requireNonNull(s), Objects.requireNonNull(a),
                Objects.requireNonNull(regime), Objects.requireNonNull(prefix));
    }

    public static @Nullable PostalAddress address(Fields fields, String field, @Nullable AddressInput address) {
        if (address == null) {
            fields.reject(field, "field.required");
            return null;
        }
        fields.required(field + ".line1", address.line1(), l -> l);
        fields.required(field + ".postalCode", address.postalCode(), l -> l);
        fields.required(field + ".town", address.town(), l -> l);
        if (address.line1() == null || address.postalCode() == null || address.town() == null) {
            return null;
        }
        return fields.optional(field, address, x -> new PostalAddress(x.line1(), x.line2(), x.postalCode(),
                x.town()));
    }

    private static VatRegime regime(VatInput vat) {
        String type = vat.type() == null ? "" : vat.type().strip().toUpperCase(java.util.Locale.ROOT);
        return switch (type) {
            case "LIABLE" -> new VatRegime.Liable((vat.rates() == null ? List.<String>of() : vat.rates()).stream()
                    .map(VatRate::percent).toList());
            case "FRANCHISE" -> new VatRegime.Franchise();
            case "EXEMPT" -> new VatRegime.Exempt(vat.legalBasis() == null ? "" : vat.legalBasis());
            default -> throw new InvalidValueException("operator.vat.type.unknown", type);
        };
    }
}
