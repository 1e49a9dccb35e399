# -*- coding: latin-1 -*-
import tensorflow as tf
# café
with tf.name_scope("café", "Défaut", [1]):
    pass
