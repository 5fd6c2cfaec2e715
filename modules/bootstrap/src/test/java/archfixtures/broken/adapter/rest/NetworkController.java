package archfixtures.broken.adapter.rest;

import org.springframework.http.ResponseEntity;

/** Compliant: Spring Web belongs in the REST adapter. */
public class NetworkController {

    ResponseEntity<String> getNetwork() {
        return ResponseEntity.ok("network");
    }
}
