/** The lab's models and their training with ND4J/SameDiff: the only package that uses ND4J. */
package org.dicelens.lab.training;
