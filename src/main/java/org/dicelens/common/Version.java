package org.dicelens.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The program's version, one source for the viewer's About box and {@code dicelens --version}: the pom's version,
 * written into a resource by Maven's resource filtering.
 */
public final class Version {
    private static final String VERSION = read();

    private Version() {
    }

    /** E.g. "0.1.0-SNAPSHOT"; "unknown" when run from classes built without Maven's resources. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
