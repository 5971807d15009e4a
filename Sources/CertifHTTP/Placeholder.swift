// The module is being written; this file keeps the package building until it lands.
