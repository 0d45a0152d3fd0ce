/** picocli commands and JSON/CSV reporters: the engine without a window. */
package org.dicelens.cli;
