/** Phantoms with known uncertainty and the volume-bias experiments, trained with ND4J. */
package org.dicelens.lab;
