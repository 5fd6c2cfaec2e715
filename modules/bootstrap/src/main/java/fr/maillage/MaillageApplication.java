package fr.maillage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Maillage: the platform for networks of tiers-lieux. Scans the adapters; wires the use cases in bootstrap. */
@SpringBootApplication
public class MaillageApplication {

    public static void main(String[] args) {
        SpringApplication.run(MaillageApplication.class, args);
    }
}
