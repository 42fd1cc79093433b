/**
 * Command line: the {@code ./siyu} subcommands, each booting the application without or
 * with HTTP and calling the modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command line")
package dev.siyu.cli;
