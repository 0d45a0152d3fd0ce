package org.dicelens.app.cases;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/**
 * The roles the user chose for a case folder's files, remembered per folder (by its absolute path) so that the folder
 * opens again without asking, from the Recent menu, a session or the next start. Kept in java.util.prefs; a
 * preference key is at most 80 characters, so the key is a hash of the path and the value holds the path itself
 * (checked on reading: a hash collision reads as nothing remembered).
 */
public interface FolderRoleMemory {
    /** The roles by file name chosen for {@code folder}; empty when none were. */
    Map<String, FileRoles.Role> roles(Path folder);

    void remember(Path folder, Map<String, FileRoles.Role> roles);

    /** Remembers nothing (the command line, tests). */
    FolderRoleMemory NONE = new FolderRoleMemory() {
        @Override
        public Map<String, FileRoles.Role> roles(Path folder) {
            return Map.of();
        }

        @Override
        public void remember(Path folder, Map<String, FileRoles.Role> roles) {
        }
    };

    /** The user's own memory (per user, per machine). */
    static FolderRoleMemory forUser() {
        return in(Preferences.userRoot().node("org/dicelens/folder-roles"));
    }

    /** A memory in this preferences node. */
    static FolderRoleMemory in(Preferences node) {
        return new Stored(node);
    }

    /** A memory in a map (tests, one session). */
    static FolderRoleMemory inMemory() {
        Map<Path, Map<String, FileRoles.Role>> m = new HashMap<>();
        return new FolderRoleMemory() {
            @Override
            public synchronized Map<String, FileRoles.Role> roles(Path folder) {
                return m.getOrDefault(Stored.key(folder), Map.of());
            }

            @Override
            public synchronized void remember(Path folder, Map<String, FileRoles.Role> roles) {
                m.put(Stored.key(folder), Map.copyOf(roles));
            }
        };
    }

    /** The preferences-backed memory. */
    final class Stored implements FolderRoleMemory {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final Preferences node;

        private Stored(Preferences node) {
            this.node = node;
        }

        static Path key(Path folder) {
            return folder.toAbsolutePath().normalize();
        }

        private static String hash(Path folder) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(key(folder).toString()
                        .getBytes(StandardCharsets.UTF_8));
                StringBuilder sb = new StringBuilder();
                for (byte b : d) {
                    sb.append(String.format("%02x", b));
                }
                return sb.toString();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        /** What is stored: the folder (to check the hash's owner) and the roles by file name. */
        record Entry(String folder, Map<String, FileRoles.Role> roles) {
        }

        @Override
        public Map<String, FileRoles.Role> roles(Path folder) {
            String v = node.get(hash(folder), null);
            if (v == null) {
                return Map.of();
            }
            try {
                Entry e = JSON.readValue(v, Entry.class);
                return key(folder).toString().equals(e.folder()) && e.roles() != null ? e.roles() : Map.of();
            } catch (JacksonException | RuntimeException e) {
                return Map.of(); // written by another version: ask again
            }
        }

        @Override
        public void remember(Path folder, Map<String, FileRoles.Role> roles) {
            // only what differs from the guesses (names give the rest again), so the value stays short
            Map<String, FileRoles.Role> chosen = new LinkedHashMap<>();
            roles.forEach((name, r) -> {
                if (FileRoles.guess(key(folder).resolve(name)) != r) {
                    chosen.put(name, r);
                }
            });
            try {
                node.put(hash(folder), JSON.writeValueAsString(new Entry(key(folder).toString(), chosen)));
            } catch (JacksonException e) {
                throw new IllegalStateException("file names and roles always serialise", e);
            } catch (IllegalArgumentException e) {
                // longer than a preference value may be (8 KB): not remembered, the folder asks again
            }
        }
    }
}
