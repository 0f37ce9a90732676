package cn.arena.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the data key for ID numbers comes from: {@code ARENA_DATA_KEY} (property {@code arena.data-key}, base64 of 32
 * bytes), kept outside the database. Only on the embedded H2 default may Arena make its own, once, in
 * {@code ./data/arena-data.key} (owner read/write only); on PostgreSQL a missing key stops the start.
 */
@Configuration(proxyBeanMethods = false)
class DataKeyConfig {

    static final Path GENERATED_KEY = Path.of("data", "arena-data.key");
    private static final Logger log = LoggerFactory.getLogger(DataKeyConfig.class);

    @Bean
    IdNumberCipher idNumberCipher(@Value("${arena.data-key:}") String configured, @Value("${spring.datasource.url:}") String url) {
        return new IdNumberCipher(dataKey(configured, url, GENERATED_KEY));
    }

    static byte[] dataKey(String configured, String datasourceUrl, Path generated) {
        if (!configured.isBlank()) {
            return decode(configured.strip(), "ARENA_DATA_KEY");
        }
        if (!datasourceUrl.startsWith("jdbc:h2:")) {
            throw new IllegalStateException("ARENA_DATA_KEY is not set. Arena encrypts resident ID numbers with it and will not "
                    + "start on an external database without it: set ARENA_DATA_KEY to the base64 of 32 random bytes "
                    + "(e.g. `openssl rand -base64 32`) and keep it outside the database and the repository.");
        }
        try {
            if (!Files.exists(generated)) {
                writeNewKey(generated);
            }
            return decode(Files.readString(generated, StandardCharsets.US_ASCII).strip(), generated.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key file " + generated, e);
        }
    }

    private static void writeNewKey(Path file) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        try {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        log.warn("Generated a data key for ID numbers in {}: back it up with the database, or the numbers cannot be read.", file);
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be the base64 of exactly 32 bytes, got " + key.length);
        }
        return key;
    }
}
