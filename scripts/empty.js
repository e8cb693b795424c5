// An empty script: the floor of the cold-start benchmark (node and the measuring wrapper).
