from __future__ import print_function
import tensorflow as tf

print("values:", file=None)
OCTAL = 0644


def f(x):
    with tf.op_scope([x], None, default_name="F") as s:
        print(s, end="")
        return x
