package cn.arena.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test through the real HTTP API on a running Arena (random port) and a real database: in-memory H2 by default,
 * PostgreSQL when {@code ARENA_TEST_DB_URL} is set. Every integration test uses this one annotation so that the
 * whole suite shares one application context. Tests make their own users and data with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@Import(TestDatabase.class)
public @interface IntegrationTest {}
