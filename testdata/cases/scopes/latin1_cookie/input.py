# -*- coding: latin-1 -*-
import tensorflow as tf
# café
with tf.op_scope([1], "café", "Défaut"):
    pass
