package cn.arena;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Arena (比武场): government-service skills competitions and the year-round drill behind them. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class ArenaApplication {

    static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    public static void main(String[] args) {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, String.valueOf(carriers(Runtime.getRuntime().availableProcessors())));
        }
        SpringApplication.run(ArenaApplication.class, args);
    }

    /**
     * Platform threads that carry the virtual threads. A virtual thread waiting for a class that another thread is
     * loading or initializing still pins its carrier (JDK 24–25, JEP 491's remaining cases). With the default of one
     * carrier per core, a burst of requests first touching a class can pin every carrier while the thread that must
     * finish the work waits for one, and the whole node stops for good: bench run 8 hung so at its first submits, on
     * 2 cores. Idle carriers cost nothing, so there are many more than cores. Set the property to choose otherwise.
     */
    static int carriers(int cores) {
        return Math.max(32, 8 * cores);
    }
}
