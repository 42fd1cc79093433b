package dev.siyu;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * The siyu application. It is started by the command line
 * ({@code dev.siyu.cli.Launcher}), which decides whether it serves HTTP or runs one
 * command and exits.
 */
@SpringBootApplication
@EnableAsync
public class SiyuApplication {

}
